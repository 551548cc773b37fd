package vn.xaso.farm;

/** A farm with how many devices it has (not revoked) and how many alarms are open: what commune staff see. */
public record FarmSummary(Farm farm, int devices, int openAlarms) {
}
