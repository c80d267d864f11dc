package org.minsheng.analysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;
import org.minsheng.analysis.model.AnalyzedPost;
import org.minsheng.analysis.model.DeadLetter;

/** The job's records are serialised by Flink's POJO serializers (records included), never by Kryo. */
class RecordTypesTest {

  @Test
  void recordsTravelWithFlinksOwnSerializers() {
    TypeInformation<AnalyzedPost> post = TypeInformation.of(AnalyzedPost.class);
    TypeInformation<DeadLetter> dead = TypeInformation.of(DeadLetter.class);
    assertThat(post).isInstanceOf(PojoTypeInfo.class);
    assertThat(dead).isInstanceOf(PojoTypeInfo.class);
    assertThat(TypeInformation.of(org.minsheng.analysis.source.RawLine.class)).isInstanceOf(PojoTypeInfo.class);
    assertThat(post.toString()).contains("post: PojoType<org.minsheng.post.Post").doesNotContain("GenericType");
    assertThat(dead.toString()).doesNotContain("GenericType");
  }
}
