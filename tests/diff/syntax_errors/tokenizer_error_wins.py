# After a parser error CPython tokenizes the rest of the file: an error of
# the tokenizer found there (here an unterminated string) is reported
# instead of the parser error.
print("never printed")
x = = 1
y = 2
z = "never closed
