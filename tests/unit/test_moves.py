"""What the trainee types becomes a move: a message, a look-up, an action, the end — or a helpful no."""

from __future__ import annotations

import pytest

from trainer.engine.moves import Act, End, Help, Lookup, Say, parse_amount, parse_move
from trainer.errors import MoveError, TrainerError


def test_plain_text_is_a_message_to_the_customer_without_surrounding_spaces():
    assert parse_move("  Hi Daniela, I'm so sorry.  ") == Say("Hi Daniela, I'm so sorry.")


def test_a_double_slash_sends_a_message_that_starts_with_a_slash():
    assert parse_move("//lookup is what we call it here") == Say("/lookup is what we call it here")
    assert parse_move("//") == Say("/")


def test_a_slash_inside_a_message_is_just_text():
    assert parse_move("Refund and/or voucher?") == Say("Refund and/or voucher?")


@pytest.mark.parametrize(
    ("line", "move"),
    [
        ("/lookup booking", Lookup("booking")),
        ("/lookup Booking K7Q2XD", Lookup("booking", "K7Q2XD")),
        ("/look seat_record", Lookup("seat_record")),
        ("/l flight", Lookup("flight")),
        ("/LOOKUP   contact_history  ", Lookup("contact_history")),
    ],
)
def test_lookup_names_the_tool_in_lower_case_with_an_optional_argument(line, move):
    assert parse_move(line) == move


def test_lookup_without_a_tool_asks_which_with_an_example():
    with pytest.raises(MoveError, match=r"Which look-up\? For example: /lookup booking"):
        parse_move("/lookup   ")


@pytest.mark.parametrize(
    ("line", "amount"),
    [
        ("/do refund_seats 160", 160.0),
        ("/do refund_seats €80.50", 80.5),
        ("/do refund_seats 80,50", 80.5),
        ("/do refund_seats € 80", 80.0),
        ("/do refund_seats 80.5", 80.5),
        ("/do refund_seats 80 EUR", 80.0),
        ("/d refund_seats $12", 12.0),
    ],
)
def test_an_action_takes_an_amount_written_as_people_write_money(line, amount):
    move = parse_move(line)
    assert move == Act("refund_seats", amount)
    assert isinstance(move.amount, float)


def test_an_action_without_an_amount_has_none():
    assert parse_move("/do Log_Fault") == Act("log_fault", None)
    assert parse_move("/do log_fault   ") == Act("log_fault", None)


@pytest.mark.parametrize("amount", ["eighty", "-5", "80.505", "1,000", "160 please", "12abc", "€"])
def test_a_bad_amount_is_refused_with_an_example_of_a_good_one(amount):
    with pytest.raises(MoveError) as refused:
        parse_move(f"/do refund_seats {amount}")
    message = str(refused.value)
    assert repr(amount) in message
    assert "160 or €80.50" in message


def test_parse_amount_reads_a_comma_as_the_decimal_point():
    assert parse_amount(" 80,5 ") == 80.5
    assert parse_amount("€0") == 0.0


def test_do_without_an_action_asks_which():
    with pytest.raises(MoveError, match=r"Which action\? For example: /do refund 160"):
        parse_move("/do")


@pytest.mark.parametrize("line", ["/end", "/END", "/quit", "/bye"])
def test_end_and_its_aliases_end_the_conversation(line):
    assert parse_move(line) == End()


@pytest.mark.parametrize("line", ["/help", "/h", "/?"])
def test_help_and_its_aliases_ask_for_help(line):
    assert parse_move(line) == Help()


def test_an_unknown_command_names_it_and_lists_the_moves_and_the_escape():
    with pytest.raises(MoveError) as refused:
        parse_move("/refund 160")
    message = str(refused.value)
    assert message.startswith("Unknown command /refund.")
    for move in ("/lookup TOOL", "/do ACTION", "/end", "/help"):
        assert move in message
    assert "//" in message


def test_move_errors_are_trainer_errors_so_the_cli_shows_them_without_a_traceback():
    with pytest.raises(TrainerError):
        parse_move("/frobnicate")
