# "is" with a literal compiles with a SyntaxWarning on stderr (the last
# stderr line is the offending source line); the program then runs.
x = 5
y = 1000
print(x is 5)
print(y is not 1000)
print("done")
