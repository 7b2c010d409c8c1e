import sys
greeting = "hello from " + __name__
print(greeting, sys.argv[1:])
