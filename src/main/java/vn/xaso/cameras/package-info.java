/**
 * Cameras (camera an ninh và camera trang trại): the commune's security cameras and its farms' cameras — the registry
 * (place on the map, owner: the commune, a farm of the commune, or a household with its recorded consent), who may view
 * (the commune police post, the camera's owner: "Xem camera" shows the stream address to the viewer's player app, and is
 * audited), and the incidents the police post records (time, camera, note, a snapshot checked by content, follow-up
 * notes, OPEN → FOLLOWED_UP → CLOSED; every read audited). XaSo stores and relays no video. API:
 * {@link vn.xaso.cameras.Cameras}. Events: {@link vn.xaso.cameras.CameraRegistered}, {@link vn.xaso.cameras.CameraEdited},
 * {@link vn.xaso.cameras.CameraDisabled}, {@link vn.xaso.cameras.CameraViewed}, {@link vn.xaso.cameras.IncidentRecorded},
 * {@link vn.xaso.cameras.IncidentFollowedUp}, {@link vn.xaso.cameras.IncidentClosed}. docs/modules/cameras.md.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "units", "farm", "addresses", "audit",
		"platform", "platform :: web", "platform :: tenancy", "platform :: render" })
package vn.xaso.cameras;
