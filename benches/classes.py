"""Class-heavy object code: attribute reads and writes, method calls,
inheritance with super(), properties, class attributes, __slots__,
dunder operators and isinstance checks in a small particle world."""
import sys

QUICK = len(sys.argv) > 1 and sys.argv[1] == "quick"


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Entity:
    count = 0

    def __init__(self, name, pos):
        self.name = name
        self.pos = pos
        self.alive = True
        Entity.count += 1

    def step(self, dt):
        pass

    def energy(self):
        return 0


class Particle(Entity):
    def __init__(self, name, pos, vel, mass):
        super().__init__(name, pos)
        self.vel = vel
        self.mass = mass
        self.hits = 0

    @property
    def speed2(self):
        return self.vel.dot(self.vel)

    def step(self, dt):
        self.pos = self.pos + self.vel * dt
        if self.pos.x < 0 or self.pos.x > 100:
            self.vel = Vec(-self.vel.x, self.vel.y)
            self.hits += 1
        if self.pos.y < 0 or self.pos.y > 100:
            self.vel = Vec(self.vel.x, -self.vel.y)
            self.hits += 1

    def energy(self):
        return 0.5 * self.mass * self.speed2


class Heavy(Particle):
    def step(self, dt):
        super().step(dt)
        self.vel = self.vel * 0.999


class Wall(Entity):
    def energy(self):
        return 1


class World:
    def __init__(self, entities):
        self.entities = entities
        self.time = 0.0

    def tick(self, dt):
        for e in self.entities:
            e.step(dt)
        self.time += dt

    def total_energy(self):
        return sum(e.energy() for e in self.entities)

    def hits(self):
        return sum(e.hits for e in self.entities if isinstance(e, Particle))


def make_world(n):
    ents = []
    for i in range(n):
        pos = Vec(i * 7 % 100, i * 13 % 100)
        vel = Vec((i % 5) - 2.0, (i % 7) - 3.0)
        if i % 10 == 0:
            ents.append(Wall("w%d" % i, pos))
        elif i % 3 == 0:
            ents.append(Heavy("h%d" % i, pos, vel, 5.0))
        else:
            ents.append(Particle("p%d" % i, pos, vel, 1.0))
    return World(ents)


def main():
    n, steps = (100, 50) if QUICK else (400, 1500)
    world = make_world(n)
    print("entities", Entity.count, "energy %.6f" % world.total_energy())
    for _ in range(steps):
        world.tick(0.5)
    print("time", world.time, "hits", world.hits())
    print("energy %.6f" % world.total_energy())
    e = world.entities[1]
    print(e.name, "%.4f %.4f" % (e.pos.x, e.pos.y))


main()
