print("mod_helper_raises runs until the error")
value = 1
raise ValueError("import-time failure")
