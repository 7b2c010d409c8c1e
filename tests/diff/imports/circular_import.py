# a imports b which imports a again: b sees a partially initialised module.
import mod_helper_cycle_a

print(mod_helper_cycle_a.get_b(), mod_helper_cycle_a.VALUE_A)
import mod_helper_cycle_b

print(mod_helper_cycle_b.mod_helper_cycle_a is mod_helper_cycle_a)
print(mod_helper_cycle_b.VALUE_B)
import mod_helper_cycle_a as again

print(again is mod_helper_cycle_a)
