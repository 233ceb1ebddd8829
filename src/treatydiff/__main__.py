from treatydiff.cli import main

main()
