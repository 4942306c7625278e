"""Writes people.csv (480 rows) and holdout.csv (120 rows): a mixed-type table for docs/examples/table.md.

Columns: age (integer 18..90), female (0/1), kids (small skewed integer), city (text, 5 levels),
income (skewed decimal, ~8 % NA), claims (zero-inflated integer), credit_score (integer 300..850, ~5 % empty),
debt (zero-inflated skewed decimal), rate (bounded decimal, 3 places), smoker (text yes/no).
"""
import math
import random

random.seed(7)
rows = []
cities = ["Paris", "Lyon", "Marseille", "Lille", "Nantes"]
for i in range(600):
    age = int(min(90, max(18, random.gauss(42, 13))))
    female = random.random() < 0.52
    kids = min(6, int(random.expovariate(0.8)))
    city = random.choices(cities, [.4, .2, .15, .15, .1])[0]
    income = round(math.exp(random.gauss(10.2 + 0.01 * (age - 40), 0.5)), 2)
    claims = 0 if random.random() < 0.7 else int(random.expovariate(0.3)) + 1
    score = int(min(850, max(300, random.gauss(650 + 2 * (age - 40), 60))))
    debt = 0.0 if random.random() < 0.4 else round(random.lognormvariate(8, 1), 2)
    rate = round(min(0.99, max(0.01, random.betavariate(2, 8))), 3)
    smoker = "yes" if random.random() < (0.25 if age < 50 else 0.15) else "no"
    if random.random() < 0.08:
        income = "NA"
    if random.random() < 0.05:
        score = ""
    rows.append([age, int(female), kids, city, income, claims, score, debt, rate, smoker])
header = "age,female,kids,city,income,claims,credit_score,debt,rate,smoker"
random.shuffle(rows)


def write(name, part):
    with open(name, "w") as f:
        f.write(header + "\n")
        for r in part:
            f.write(",".join(str(x) for x in r) + "\n")


write("people.csv", rows[:480])
write("holdout.csv", rows[480:])
