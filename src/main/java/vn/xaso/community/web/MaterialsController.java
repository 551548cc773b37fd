package vn.xaso.community.web;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.community.CommunityException;
import vn.xaso.community.internal.Actors;
import vn.xaso.community.internal.TrainingMaterials;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.DownloadNames;

/** A training's files: upload (checked by content) and download. */
@Controller
class MaterialsController {

	private final Actors actors;
	private final TrainingMaterials materials;
	private final Texts texts;

	MaterialsController(Actors actors, TrainingMaterials materials, Texts texts) {
		this.actors = actors;
		this.materials = materials;
		this.texts = texts;
	}

	@PostMapping("/community/trainings/{id}/materials")
	String upload(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
		try {
			// no file: the use case still answers "no such training" first (another commune's gets 404)
			materials.add(actors.of(me), id, file == null ? null : file.getOriginalFilename(), file == null ? new byte[0] : file.getBytes());
			redirect.addFlashAttribute("notice", texts.t("community.material.saved"));
		}
		catch (CommunityException e) {
			if ("community.error.noTraining".equals(e.key())) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("materialError", texts.t(e.key(), e.args()));
		}
		catch (IOException e) {
			redirect.addFlashAttribute("materialError", texts.t("community.error.materialMissing"));
		}
		return "redirect:/community/trainings/" + id + "#materials";
	}

	@GetMapping("/community/trainings/{id}/materials/{materialId}")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long materialId) {
		var file = materials.get(actors.of(me), id, materialId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var dot = file.name().lastIndexOf('.');
		var base = dot > 0 ? file.name().substring(0, dot) : file.name();
		var ext = dot > 0 ? file.name().substring(dot) : "";
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, DownloadNames.contentDisposition(false, base, ext))
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}
}
