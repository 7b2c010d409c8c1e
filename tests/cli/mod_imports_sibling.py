try:
    import mod_sibling
    print("imported", mod_sibling.value)
except ImportError as e:
    print("ImportError:", e)
