print("this helper has a syntax error")
def broken(:
    pass
