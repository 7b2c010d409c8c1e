s = "the cat sat on the mat"
print(s.find("at"), s.rfind("at"), s.find("dog"), s.index("sat"), s.rindex("the"))
print(s.count("at"), s.count("the"), s.count(""), "aaaa".count("aa"))
print(s.replace("at", "og"), s.replace("the", "a", 1), "aaa".replace("a", "bb"))
print("".replace("", "x"), "ab".replace("", "-"))
print(s.startswith("the"), s.endswith("mat"), s.startswith(("a", "t")), s.endswith("cat", 0, 7))
print(s.find("at", 6), s.find("at", 6, 8))
print("at" in s, "dog" not in s)
try:
    s.index("dog")
except ValueError as e:
    print("ValueError:", e)
