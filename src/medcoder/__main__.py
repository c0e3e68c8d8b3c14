from medcoder.entry import main

main()
