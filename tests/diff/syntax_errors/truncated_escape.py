# A string literal whose escape sequence is cut short is a SyntaxError
# raised while the literal is compiled.
print("never printed")
ok = "\x41\u0042\N{LATIN SMALL LETTER C}"
bad = "tab\x4"
