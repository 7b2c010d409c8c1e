# Deep copies of nested data are independent of the original.
import copy, sys

config = {
    "name": "svc",
    "ports": [80, 443],
    "env": {"DEBUG": False, "PATHS": ["/a", "/b"]},
    "limits": (1, [2, 3]),
}
shallow = copy.copy(config)
deep = copy.deepcopy(config)
config["ports"].append(8080)
config["env"]["PATHS"].append("/c")
config["limits"][1].append(4)
print(shallow["ports"], shallow["env"]["PATHS"], shallow["limits"])
print(deep["ports"], deep["env"]["PATHS"], deep["limits"])
print(deep == config, deep["name"] is config["name"], deep["env"]["DEBUG"] is False)
print(sys.getrefcount(deep["ports"]), sys.getrefcount(shallow["ports"]))

matrix = [[0] * 3 for _ in range(3)]
m2 = copy.deepcopy(matrix)
m2[0][0] = 1
print(matrix[0], m2[0], m2[1] is matrix[1])

deep_list = current = []
for i in range(200):
    nxt = [i]
    current.append(nxt)
    current = nxt
cp = copy.deepcopy(deep_list)
print(cp == deep_list, cp is deep_list)

too_deep = cur = []
for i in range(5000):
    nxt = []
    cur.append(nxt)
    cur = nxt
try:
    copy.deepcopy(too_deep)
except RecursionError:
    print("RecursionError")
