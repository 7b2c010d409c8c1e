# copyreg.pickle registers reducers that copy uses.
import copy, copyreg

class Money:
    def __init__(self, cents):
        self.cents = cents

def reduce_money(m):
    print("reduce_money")
    return (Money, (m.cents + 1,))

copyreg.pickle(Money, reduce_money)
print(copy.copy(Money(10)).cents, copy.deepcopy(Money(10)).cents)
print(Money in copyreg.dispatch_table, complex in copyreg.dispatch_table)

try:
    copyreg.pickle(Money, 5)
except TypeError as e:
    print("TypeError", e)

class Sub(Money):
    pass

print(copy.copy(Sub(1)).cents)
print(copyreg.__newobj__(Money, 3).cents if False else type(copyreg.__newobj__(list)).__name__)
print(copyreg._reconstructor(list, list, [1, 2]))
