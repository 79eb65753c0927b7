from selvhjelp_cli.entry import main

main()
