print([1 / i for i in range(3)])
