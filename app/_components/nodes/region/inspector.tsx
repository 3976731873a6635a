'use client';
// Region inspector: regions by number prefix or country (one exit each), which number is matched, the home country.

import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslations } from 'next-intl';
import { useFieldArray } from 'react-hook-form';
import { nodeDefinitions } from '../../../../flow-engine/nodes/index';
import { SelectField, TagsField, TextField } from '../../form-kit/form-fields';
import { ListCard } from '../../form-kit/list-card';
import { useNodeForm } from '../../form-kit/use-node-form';
import type { InspectorProps } from '../../form-kit/inspector-props';

export function RegionInspector(props: InspectorProps) {
  const t = useTranslations('inspector');
  const { control } = useNodeForm(props, nodeDefinitions.region.config);
  const regions = useFieldArray({ control, name: 'regions' });
  return (
    <>
      {regions.fields.map((region, index) => (
        <ListCard
          key={region.id}
          title={t('region.region', { n: index + 1 })}
          path={`/config/regions/${index}`}
          index={index}
          count={regions.fields.length}
          onRemove={() => regions.remove(index)}
          onMove={(to) => regions.move(index, to)}
          disabled={props.readOnly}
        >
          <TextField
            control={control}
            name={`regions.${index}.name`}
            label={t('fields.portName')}
            hint={t('fields.portNameHint')}
            optional={false}
          />
          <TextField control={control} name={`regions.${index}.label`} label={t('fields.label')} />
          <TagsField
            control={control}
            name={`regions.${index}.prefixes`}
            label={t('region.prefixes')}
            hint={t('region.prefixesHint')}
            placeholder="010, +8621"
          />
          <TagsField
            control={control}
            name={`regions.${index}.countries`}
            label={t('region.countries')}
            hint={t('region.countriesHint')}
            placeholder="CN, HK"
            parse={(tag) => tag.trim().toUpperCase()}
          />
        </ListCard>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        style={{ marginBottom: 12 }}
        disabled={props.readOnly || regions.fields.length >= 100}
        onClick={() => regions.append({ name: `region${regions.fields.length + 1}`, prefixes: [], countries: [] })}
      >
        {t('region.addRegion')}
      </Button>
      <SelectField
        control={control}
        name="source"
        label={t('region.source')}
        placeholder={t('region.sources.caller')}
        options={[
          { value: 'caller', label: t('region.sources.caller') },
          { value: 'dialed', label: t('region.sources.dialed') },
        ]}
      />
      <TextField
        control={control}
        name="defaultCountry"
        label={t('region.defaultCountry')}
        hint={t('region.defaultCountryHint')}
        placeholder="CN"
      />
    </>
  );
}
