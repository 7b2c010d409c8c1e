d = {}
v = d['missing'] + 1
