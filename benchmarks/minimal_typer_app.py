"""The floor: a minimal two-command Typer app with default settings."""

import typer

app = typer.Typer()


@app.command()
def hello(name: str = "verden") -> None:
    print(f"Hei, {name}!")


@app.command()
def goodbye() -> None:
    print("Ha det!")


if __name__ == "__main__":
    app()
