class Report:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed", self.name)

keep = Report("global, freed at shutdown after the traceback")
def fail():
    local = Report("local, freed when the traceback is cleared")
    raise LookupError("lookup failed")

print("start")
fail()
