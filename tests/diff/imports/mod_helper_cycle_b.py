print("cycle_b start")
import mod_helper_cycle_a
VALUE_B = "b"
print("cycle_b sees a partially initialised:", hasattr(mod_helper_cycle_a, "VALUE_A"))
print("cycle_b end")
