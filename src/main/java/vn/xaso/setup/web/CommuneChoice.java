package vn.xaso.setup.web;

import vn.xaso.units.Unit;

/** A commune found by the setup search, with its province, so choosing it confirms the province too. */
public record CommuneChoice(Unit unit, String province) {
}
