package dev.drivenotes.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.drivenotes.model.experiment.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@WebMvcTest(controllers = ProblemDetailsAdviceTest.EchoController.class)
@Import(ProblemDetailsAdviceTest.EchoController.class)
class ProblemDetailsAdviceTest {

    @SpringBootApplication
    static class TestApp {}

    @RestController
    static class EchoController {
        @PostMapping("/echo")
        ExperimentConfig echo(@RequestBody ExperimentConfig config) {
            return config;
        }

        @PostMapping("/control")
        dev.drivenotes.model.sim.Control control(@RequestBody dev.drivenotes.model.sim.Control control) {
            return control;
        }

        @GetMapping("/things/{id}")
        String thing(@PathVariable String id) {
            throw new NotFoundException("thing", id);
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void invalidFieldInBodyGivesProblemNamingTheField() throws Exception {
        mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"episodes\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("episodes"))
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void wrongTypeGivesProblemNamingTheField() throws Exception {
        mvc.perform(post("/echo")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"episodes\":\"many\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("episodes"));
    }

    @Test
    void acceptsRequestsThatLeaveOptionalPrimitivesOut() throws Exception {
        mvc.perform(post("/control").contentType(MediaType.APPLICATION_JSON).content("{\"throttle\":0.5}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.throttle").value(0.5))
                .andExpect(jsonPath("$.steer").value(0.0));
    }

    @Test
    void malformedJsonGivesProblem() throws Exception {
        mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON).content("{nope"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid request"));
    }

    @Test
    void unknownResourceGives404Problem() throws Exception {
        mvc.perform(get("/things/42"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.id").value("42"))
                .andExpect(jsonPath("$.detail").value("no thing with id '42'"));
    }
}
