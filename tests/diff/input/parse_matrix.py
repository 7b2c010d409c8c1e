rows, cols = map(int, input().split())
matrix = [list(map(int, input().split())) for _ in range(rows)]
print(matrix)
print([sum(r) for r in matrix])
print([sum(matrix[r][c] for r in range(rows)) for c in range(cols)])
transposed = list(zip(*matrix))
print(transposed)
