# raise SystemExit(7) is what sys.exit(7) does.
class Job:
    def __init__(self, name):
        self.name = name

    def run(self):
        print("running", self.name)
        if self.name == "bad":
            raise SystemExit(7)


for name in ["good", "bad", "never"]:
    Job(name).run()
print("unreachable")
