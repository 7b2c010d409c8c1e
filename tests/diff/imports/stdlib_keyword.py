# Modules of the standard library import by name (refscope embeds its own).
import keyword
import sys
print(keyword.kwlist)
print(keyword.softkwlist)
print(len(keyword.kwlist), keyword.iskeyword("for"), keyword.iskeyword("print"))
print(keyword.issoftkeyword("match"), keyword.issoftkeyword("if"))
print("keyword" in sys.modules, sys.modules["keyword"] is keyword)
from keyword import iskeyword as ik
print(ik("lambda"), ik("Lambda"))
print(sorted(keyword.__all__))
