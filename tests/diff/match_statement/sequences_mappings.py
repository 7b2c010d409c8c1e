# Sequence patterns (with a star), mapping patterns (with **rest).
def cmd(c):
    match c:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y]:
            return f"two {x} {y}"
        case [first, *middle, last]:
            return f"first {first} middle {middle} last {last}"
        case {"action": "move", "to": (x, y)}:
            return f"move to {x},{y}"
        case {"action": action, **rest}:
            return f"action {action} rest {rest}"
        case "a" | "b" as letter:
            return f"letter {letter}"
    return "no match"

for c in [[], [1], (1, 2), [1, 2, 3, 4], range(3), "ab", "a",
          {"action": "move", "to": (3, 4)}, {"action": "jump", "height": 2}, {"x": 1}, 42]:
    print(cmd(c))

match (1, [2, 3]):
    case (a, [b, c]):
        print(a, b, c)
match {"k": 1, "j": 2}:
    case {"k": 1}:
        print("mapping patterns ignore extra keys")
