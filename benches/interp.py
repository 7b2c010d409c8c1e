"""A small program interpreter written in Python: a tokenizer (string
scanning and methods), a recursive-descent parser building tuples, and an
evaluator with an environment dict, run over generated arithmetic
programs."""
import sys

QUICK = len(sys.argv) > 1 and sys.argv[1] == "quick"


class ParseError(Exception):
    pass


def tokenize(src):
    tokens = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            tokens.append(("num", int(src[i:j])))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(("kw" if word in ("let", "print", "if", "else") else "name", word))
            i = j
        elif c in "+-*/%()=;<>?:":
            tokens.append(("op", c))
            i += 1
        else:
            raise ParseError("bad character %r" % c)
    tokens.append(("end", None))
    return tokens


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos]

    def take(self, kind=None, value=None):
        tok = self.tokens[self.pos]
        if kind is not None and tok[0] != kind or value is not None and tok[1] != value:
            raise ParseError("expected %s %s, got %s" % (kind, value, tok))
        self.pos += 1
        return tok

    def program(self):
        stmts = []
        while self.peek()[0] != "end":
            stmts.append(self.statement())
        return stmts

    def statement(self):
        tok = self.peek()
        if tok == ("kw", "let"):
            self.take()
            name = self.take("name")[1]
            self.take("op", "=")
            expr = self.expr()
            self.take("op", ";")
            return ("let", name, expr)
        if tok == ("kw", "print"):
            self.take()
            expr = self.expr()
            self.take("op", ";")
            return ("print", expr)
        raise ParseError("statement expected at %s" % (tok,))

    def expr(self):
        cond = self.compare()
        if self.peek() == ("op", "?"):
            self.take()
            a = self.expr()
            self.take("op", ":")
            b = self.expr()
            return ("if", cond, a, b)
        return cond

    def compare(self):
        left = self.sum()
        while self.peek()[1] in ("<", ">"):
            op = self.take()[1]
            left = (op, left, self.sum())
        return left

    def sum(self):
        left = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            left = (op, left, self.term())
        return left

    def term(self):
        left = self.atom()
        while self.peek()[1] in ("*", "/", "%"):
            op = self.take()[1]
            left = (op, left, self.atom())
        return left

    def atom(self):
        kind, value = self.take()
        if kind == "num":
            return ("num", value)
        if kind == "name":
            return ("var", value)
        if (kind, value) == ("op", "("):
            e = self.expr()
            self.take("op", ")")
            return e
        if (kind, value) == ("op", "-"):
            return ("-", ("num", 0), self.atom())
        raise ParseError("unexpected %s" % value)


def evaluate(node, env):
    tag = node[0]
    if tag == "num":
        return node[1]
    if tag == "var":
        return env[node[1]]
    if tag == "if":
        return evaluate(node[2] if evaluate(node[1], env) else node[3], env)
    a = evaluate(node[1], env)
    b = evaluate(node[2], env)
    if tag == "+":
        return a + b
    if tag == "-":
        return a - b
    if tag == "*":
        return a * b
    if tag == "/":
        return a // b if b else 0
    if tag == "%":
        return a % b if b else 0
    if tag == "<":
        return int(a < b)
    return int(a > b)


def run(stmts):
    env = {}
    out = []
    for s in stmts:
        if s[0] == "let":
            env[s[1]] = evaluate(s[2], env)
        else:
            out.append(evaluate(s[1], env))
    return env, out


def generate(n):
    lines = ["let x0 = 1;", "let x1 = 2;"]
    for i in range(2, n):
        a, b = "x%d" % (i - 1), "x%d" % (i // 2)
        op = "+-*%"[i % 4]
        lines.append("let x%d = (%s %s %s + %d) %% 10007 > 5000 ? %s - 3 : %s + %d;"
                     % (i, a, op, b, i, a, b, i % 9))
        if i % 50 == 0:
            lines.append("print x%d * 2;" % i)
    return "\n".join(lines)


def main():
    n = 300 if QUICK else 16000
    src = generate(n)
    tokens = tokenize(src)
    stmts = Parser(tokens).program()
    env, out = run(stmts)
    print("tokens", len(tokens), "statements", len(stmts))
    print("printed", len(out), out[:5])
    print("last", env["x%d" % (n - 1)], "sum", sum(env.values()) % 1000003)
    try:
        Parser(tokenize("let = 3;")).program()
    except ParseError as e:
        print("error:", e)


main()
