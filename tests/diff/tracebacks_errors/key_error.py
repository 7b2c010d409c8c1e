# An uncaught KeyError shows the repr of the missing key.
config = {"host": "localhost", "user": "admin"}
print(config["host"])
print(config.get("port", 8080))
for key in ["user", "host"]:
    print(key, "=", config[key])
try:
    config["password"]
except KeyError as e:
    print("caught", e)
print(config["port"])
