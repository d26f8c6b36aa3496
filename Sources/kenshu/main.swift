print("kenshu")
