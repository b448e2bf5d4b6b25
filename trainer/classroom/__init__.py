"""A class in the browser: each trainee signs in, plays as themselves through `webcare serve`; the coach reviews.

`secrets` hashes class codes and passwords; `roster` decides who may sign in as whom; `server` is the web
server (textual-serve's, with sign-in, a game process per tab started as its trainee, and the coach's pages).
"""
