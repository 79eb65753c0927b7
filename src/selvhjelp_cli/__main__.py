from selvhjelp_cli.cli import main

main()
