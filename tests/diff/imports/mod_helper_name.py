print("my __name__ is", __name__)
if __name__ == "__main__":
    print("not printed when imported")
CONSTANT = 257
