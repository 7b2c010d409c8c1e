# gc.freeze moves everything tracked to the permanent generation.
import gc
gc.collect()
print(gc.get_freeze_count() == 0)
keep = [[] for _ in range(50)]
gc.freeze()
print(gc.get_freeze_count() > 50)
print(len(gc.get_objects()) < 20)
l = []
l.append(l)
del l
print("cycle still collectable:", gc.collect())
gc.unfreeze()
print(gc.get_freeze_count())
print(len(gc.get_objects(2)) > 50)
