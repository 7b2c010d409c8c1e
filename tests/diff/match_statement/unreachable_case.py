print("before")
match 3:
    case x:
        print(x)
    case 4:
        print("four")
