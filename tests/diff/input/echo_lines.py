# input(prompt) writes the prompt to stdout (stdin is not a terminal) and
# returns the line without its newline.
name = input("Your name? ")
print(f"Hello, {name}!")
age = int(input("Age? "))
print("Next year you will be", age + 1)
colour = input()
print("favourite colour:", colour.upper())
rest = input("Anything else? ")
print(repr(rest), len(rest))
