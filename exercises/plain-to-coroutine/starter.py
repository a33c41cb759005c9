import time


def make_toast(slices):
    print(f"toasting {slices} slices")
    time.sleep(2)
    print("pop!")
    return f"{slices} slices of toast"


def main():
    toast = make_toast(2)
    print("serving", toast)


main()
