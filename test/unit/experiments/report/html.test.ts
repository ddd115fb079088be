import { describe, expect, it } from 'vitest';
import { escapeHtml, formatNumber, html, trustedHtml } from '../../../../main/experiments/report/html.js';
import { barChart, chartDomain } from '../../../../main/experiments/report/svg-charts.js';

describe('report html', () => {
  it('escapes every interpolated string, so model output stays text', () => {
    const answer = `<script>alert("x")</script><img src=x onerror='y'> & more`;
    const markup = html`<p title="${answer}">${answer}</p>`.markup;
    expect(markup).not.toMatch(/<script|<img/i);
    expect(markup).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;y&#39;&gt; &amp; more">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;y&#39;&gt; &amp; more</p>',
    );
  });

  it('keeps fragments it built and flattens lists, once', () => {
    const items = ['a<b', 'c&d'].map((t) => html`<li>${t}</li>`);
    const list = html`<ul>
      ${items}
    </ul>`.markup;
    expect(list.replace(/\s+/g, '')).toBe('<ul><li>a&lt;b</li><li>c&amp;d</li></ul>');
    expect(html`${null}${undefined}${false}${0}`.markup).toBe('0');
    expect(html`${trustedHtml('<b>')}`.markup).toBe('<b>');
    expect(escapeHtml('"\'')).toBe('&quot;&#39;');
  });

  it('formats absent numbers as a dash and integers without decimals', () => {
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(1 / 3)).toBe('0.333');
  });
});

describe('report charts', () => {
  it('spans 0..1 for fractions, 0..100 for percentiles and the data otherwise', () => {
    expect(chartDomain([{ label: 'a', value: 0.4, low: 0.1, high: 0.9 }])).toEqual({ min: 0, max: 1 });
    expect(chartDomain([{ label: 'a', value: 40, low: 10, high: 90 }])).toEqual({ min: 0, max: 100 });
    expect(
      chartDomain([
        { label: 'a', value: 250 },
        { label: 'b', value: -5 },
      ]),
    ).toEqual({ min: -5, max: 250 });
  });

  it('draws one bar per value, whiskers only where an interval is known, labels as text', () => {
    const svg = barChart('t<1>', [
      { label: '<script>', value: 0.5, low: 0.25, high: 0.75 },
      { label: 'b', value: 0.25 },
    ]).markup;
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(2);
    expect(svg.match(/<line\s+class="ci"/g)).toHaveLength(3);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    // Plot 360 px wide from x = 190: 0.5 of a 0..1 domain ends at 370, whiskers at 280 and 460.
    expect(svg).toContain('<rect class="bar" x="190" y="6" width="180"');
    expect(svg.replace(/\s+/g, ' ')).toContain('x1="280" x2="460"');
    expect(barChart('empty', []).markup).toBe('');
  });
});
