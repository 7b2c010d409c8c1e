try:
    raise ValueError("naked")
except* ValueError:
    raise
