# With no arguments, sys.argv holds just the script name as given on the
# command line (a relative name here).
import sys

print(sys.argv)
print(len(sys.argv), sys.argv[0], type(sys.argv).__name__)
print(sys.argv[0].endswith(".py"), sys.argv[1:])
sys.argv.append("added")
print(sys.argv)
args = sys.argv
print(args is sys.argv)
