original_list = [1, 2, 3]
alias = original_list  # No copy! Just another name tag
alias.append(4)
print(original_list)
print(alias is original_list)

shallow_copy = original_list[:]
print(shallow_copy == original_list)
print(shallow_copy is original_list)
shallow_copy.append(5)
print(original_list)
print(shallow_copy)

nested = [[1, 2], [3]]
shallow = nested[:]
shallow[0].append(99)
print(nested)
print(shallow[0] is nested[0])
