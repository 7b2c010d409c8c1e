# Class-level data and properties are shared, instance data is copied.
import copy

class Account:
    registry = []
    rate = 0.5

    def __init__(self, owner):
        self.owner = owner
        self._balance = [100]
        Account.registry.append(owner)

    @property
    def balance(self):
        return self._balance[0]

acct = Account("ann")
c = copy.deepcopy(acct)
print(c.owner, c.balance, c._balance is acct._balance, Account.registry)
print(type(c).registry is Account.registry, copy.deepcopy(Account) is Account)
c._balance[0] = 5
print(acct.balance, c.balance)

class WithClassRef:
    def __init__(self):
        self.kind = Account
        self.fn = len
        self.cb = print

w = copy.deepcopy(WithClassRef())
print(w.kind is Account, w.fn is len, w.cb is print)

class Dynamic:
    pass

obj = Dynamic()
obj.__class__ = Dynamic
obj.data = {"k": [1]}
o2 = copy.deepcopy(obj)
print(type(o2) is Dynamic, o2.data, o2.data["k"] is obj.data["k"])
