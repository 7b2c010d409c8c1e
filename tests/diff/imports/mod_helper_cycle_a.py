print("cycle_a start")
import mod_helper_cycle_b
VALUE_A = "a"
def get_b():
    return mod_helper_cycle_b.VALUE_B
print("cycle_a end")
