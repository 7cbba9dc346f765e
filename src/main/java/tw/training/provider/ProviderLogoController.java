package tw.training.provider;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;

/**
 * A provider's logo, to anyone: certificates and their public verification pages show it. A logo never changes (a
 * new one is a new id), so browsers may keep it.
 */
@Controller("/provider/logos")
@Secured(SecurityRule.IS_ANONYMOUS)
class ProviderLogoController {

    private final TrainingProvider provider;

    ProviderLogoController(TrainingProvider provider) {
        this.provider = provider;
    }

    @Get("/{logoId}")
    @Produces(MediaType.ALL)
    HttpResponse<StreamedFile> logo(@PathVariable long logoId) throws IOException {
        TrainingProvider.Logo logo = provider.open(logoId);
        return HttpResponse.ok(new StreamedFile(logo.content(), MediaType.of(logo.contentType()), 0, logo.size()))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                .header(HttpHeaders.ETAG, "\"" + logo.sha256() + "\"");
    }
}
