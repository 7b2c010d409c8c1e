records = [("bob", 3), ("amy", 1), ("cat", 3), ("dan", 2), ("eve", 1)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
nums = [3, -1, 2, -5, 4]
nums.sort(key=abs)
print(nums)
print(sorted([[2, "b"], [1, "z"], [2, "a"]]))
