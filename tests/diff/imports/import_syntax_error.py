print("before import")
try:
    import mod_helper_badsyntax
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.filename.endswith("mod_helper_badsyntax.py"))
print("after import")
try:
    import mod_helper_badsyntax
except SyntaxError as e:
    print("still a SyntaxError on the second attempt:", e.msg)
import sys
print("mod_helper_badsyntax" in sys.modules)
