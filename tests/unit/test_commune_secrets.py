"""A district holds its communes' axis secrets like its own: in the environment, one variable per commune."""

from __future__ import annotations

from app.settings import commune_secret_variable, load_settings


def test_commune_secrets_come_from_their_own_variables() -> None:
    env = {"VANTHU_HOME": "/tmp/vanthu-test", "VANTHU_AXIS_SECRET": "own",
           "VANTHU_AXIS_SECRET_000_01_31_H27": "xa-1", "VANTHU_AXIS_SECRET_000_02_31_H27": "",
           "VANTHU_AXIS_SECRET_": "nobody"}
    settings = load_settings(env)
    assert settings.axis_secret == "own"
    assert dict(settings.commune_axis_secrets) == {"000.01.31.H27": "xa-1"}
    assert commune_secret_variable("000.01.31.H27") == "VANTHU_AXIS_SECRET_000_01_31_H27"
    assert dict(load_settings({"VANTHU_HOME": "/tmp/vanthu-test"}).commune_axis_secrets) == {}
