print(ord("a"), ord("€"), ord("\n"), chr(65), chr(8364), chr(0x1F600) == "\U0001F600")
print("héllo".encode(), "héllo".encode("latin-1"), "abc".encode("ascii"))
print(b"h\xc3\xa9llo".decode(), b"h\xe9llo".decode("latin-1"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print("é".encode("ascii", "replace"), b"\xff".decode("utf-8", "replace"), "é".encode("ascii", "ignore"))
print(repr("tab\there"), repr("new\nline"), repr("quote'"), repr('dq"'), repr("both'\""), repr("\x00\x7f\x80\xff"))
print(repr("é"), ascii("é"), repr("\u200b"), repr("\U0001F600"))
