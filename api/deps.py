"""Typed dependencies handed to routes: settings, the process's driver, the query registry."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from neo4j import Driver

from clusterkg.queries import QueryRegistry
from clusterkg.settings import Settings


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_driver(request: Request) -> Driver:
    driver: Driver = request.app.state.driver
    return driver


def get_registry(request: Request) -> QueryRegistry:
    registry: QueryRegistry = request.app.state.registry
    return registry


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
DriverDep = Annotated[Driver, Depends(get_driver)]
RegistryDep = Annotated[QueryRegistry, Depends(get_registry)]
